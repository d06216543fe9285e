"""The audit log of questions, kept apart from Wagtail's generic ModelLogEntry.

Wagtail's generic log shows every line of a model to anybody holding any permission on that
model, so an answering body would read the tracking codes, agencies and refusal reasons of
every other agency's questions in Reports → Nhật ký. A log model of our own, registered for
`Question` with `register_model` in the `register_log_actions` hook (Wagtail's supported way,
as `PageLogEntry` does for pages), decides which lines a user may see per question, and
Wagtail's site history, its exports and its filters all go through that decision.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from .questions import Question


class QuestionLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(question=instance)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(question=instance)

    def viewable_by_user(self, user):
        # Imported here: dialogue.permissions imports the models package.
        from dialogue.permissions import is_moderator, visible_questions

        if is_moderator(user):
            return self.all()
        return self.filter(question__in=visible_questions(user).values("pk"))


class QuestionLogEntry(BaseLogEntry):
    # Like PageLogEntry: no database constraint, so the trail would outlive its question.
    question = models.ForeignKey(
        Question, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    objects = QuestionLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("nhật ký câu hỏi")
        verbose_name_plural = _("nhật ký câu hỏi")

    def __str__(self):
        return f"{self.action} – {self.label}"

    @cached_property
    def object_id(self):
        return self.question_id
