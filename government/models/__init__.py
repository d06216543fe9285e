"""The government section's models, one module per thing a visitor sees."""

from .alerts import EmergencyBanner
from .announcements import Announcement, AnnouncementIndexPage, Spokesperson, SpokespersonPage
from .organisation import LeaderPage, OrganisationIndexPage, UnitPage
from .schedule import ScheduleEntry, ScheduleWeek, WorkSchedulePage

__all__ = [
    "Announcement",
    "AnnouncementIndexPage",
    "EmergencyBanner",
    "LeaderPage",
    "OrganisationIndexPage",
    "ScheduleEntry",
    "ScheduleWeek",
    "Spokesperson",
    "SpokespersonPage",
    "UnitPage",
    "WorkSchedulePage",
]
