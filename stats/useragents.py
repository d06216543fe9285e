"""Which user agents are people with a browser: only those are counted as visitors.

Two tests, both cheap after the first sight of a user agent (results are memoised):
1. a browser says "Mozilla/5.0 ..." (every current browser, in-app browsers of Zalo and
   Facebook, Cốc Cốc) or the old "Opera/..."; curl, wget, python-requests, Go, Java and
   other HTTP libraries do not, nor does an empty header;
2. it matches none of the 1,500 patterns of crawler-user-agents, the maintained list of
   search engines, SEO and AI crawlers, link previews, monitors and headless browsers that
   do claim to be Mozilla (Googlebot, bingbot, coccocbot, GPTBot, HeadlessChrome, ...).
"""

from functools import lru_cache

import crawleruseragents

BROWSER_PREFIXES = ("Mozilla/", "Opera/")
MAX_LENGTH = 1024


@lru_cache(maxsize=4096)
def is_browser(user_agent):
    if not user_agent.startswith(BROWSER_PREFIXES) or len(user_agent) > MAX_LENGTH:
        return False
    return not crawleruseragents.is_crawler(user_agent)
