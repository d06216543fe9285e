"""Who may see and handle questions.

- Moderators ("Người kiểm duyệt", permission dialogue.moderate_question) and superusers see
  every question, with the asker's personal data, and drive the whole workflow.
- Answering bodies ("Cơ quan trả lời", permission dialogue.answer_question) see only the
  questions assigned to an agency they are a member of (Agency.members), and may answer them.
- Everybody else, editors included, sees no question and no personal data.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Agency, Question

MODERATE = "dialogue.moderate_question"
ANSWER = "dialogue.answer_question"
MODERATOR_GROUP = "Người kiểm duyệt"
ANSWERER_GROUP = "Cơ quan trả lời"


def is_moderator(user):
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(MODERATE)))


def is_answerer(user):
    return bool(user and user.is_active and user.has_perm(ANSWER))


def has_role(user):
    return is_moderator(user) or is_answerer(user)


def agencies_of(user):
    return Agency.objects.filter(members=user)


def visible_questions(user):
    if is_moderator(user):
        return Question.objects.all()
    if is_answerer(user):
        return Question.objects.filter(assigned_agency__in=agencies_of(user))
    return Question.objects.none()


def can_see(user, question):
    if is_moderator(user):
        return True
    return (
        is_answerer(user)
        and question.assigned_agency_id is not None
        and agencies_of(user).filter(pk=question.assigned_agency_id).exists()
    )


class QuestionPermissionPolicy(BasePermissionPolicy):
    """Questions arrive from the public form only and are never deleted: no "add" or "delete"
    for anybody; "view" and "change" for the two roles, per question as above."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and has_role(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in ("view", "change") and can_see(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if action not in ("view", "change"):
            return Question.objects.none()
        return visible_questions(user)

    def users_with_permission(self, action):
        users = get_user_model().objects.filter(is_active=True)
        if action not in ("view", "change"):
            return users.none()
        codenames = [MODERATE.split(".")[1], ANSWER.split(".")[1]]
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename__in=codenames)
            | Q(groups__permissions__codename__in=codenames)
        ).distinct()
