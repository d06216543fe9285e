"""A short editor's guide inside the admin (Help → Hướng dẫn biên tập).

Wagtail's own guide is English and knows nothing of our workflows (review by someone other
than the author, the dialogue's assignment and masking), so staff get one in Vietnamese.
"""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache


@never_cache
def editor_guide(request):
    return TemplateResponse(request, "home/editor_guide.html")
