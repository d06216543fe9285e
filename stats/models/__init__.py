from stats.models.dossiers import DossierStatistic, Level, Month
from stats.models.pages import StatisticsPage
from stats.models.visits import Visit, VisitDay

__all__ = ["DossierStatistic", "Level", "Month", "StatisticsPage", "Visit", "VisitDay"]
