from wagtail.snippets.models import register_snippet

from .viewsets import GovernmentViewSetGroup

register_snippet(GovernmentViewSetGroup)
