"""The home page's "announcements" slot: Thông báo and Thông cáo báo chí valid now.

The slot is a live fragment (government/live.py): the home page stays in the page cache,
and an announcement appears at its start and leaves at its end time without the cache
being emptied.
"""


def valid_announcements(home, request):
    """One item: the filled live slot (the template prints it as it is)."""
    return [{"live": "announcements"}]
