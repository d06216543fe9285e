"""The documents' managed lists in the admin (Snippets → Văn bản)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.models import DocumentField, DocumentType, Issuer


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Loại văn bản")
    list_display = ["name", "order"]
    search_fields = ["name"]


class IssuerViewSet(SnippetViewSet):
    model = Issuer
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    list_display = ["name", "order"]
    search_fields = ["name"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "folder-open-inverse"
    menu_label = _("Lĩnh vực văn bản")
    list_display = ["name", "order"]
    search_fields = ["name"]


class DocumentListsGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuerViewSet, DocumentFieldViewSet)
    menu_icon = "doc-full"
    menu_label = _("Danh mục văn bản")
    menu_name = "document-lists"


register_snippet(DocumentListsGroup)
