"""The documents' managed lists in the admin (Snippets → Văn bản)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.models import DocumentField, DocumentType, DraftComment, Issuer


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


class DraftCommentViewSet(SnippetViewSet):
    """Moderation: a comment is public once its status is "Đã công khai"."""

    model = DraftComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    list_display = ["draft", "full_name", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["full_name", "organisation", "content"]
    ordering = ["-created_at"]
    list_per_page = 50


class DocumentListsGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuerViewSet, DocumentFieldViewSet, DraftCommentViewSet)
    menu_icon = "doc-full"
    menu_label = _("Danh mục văn bản")
    menu_name = "document-lists"


register_snippet(DocumentListsGroup)
