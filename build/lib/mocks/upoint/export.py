"""Export Search Result: a search's table as CSV with the dashboard's column headers."""

import csv
import io

from mocks.upoint.models import SubscriptionSearch, TransactionSearch


def table_csv(result: SubscriptionSearch | TransactionSearch) -> str:
    """The header row and one row per result, values as the screen shows them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for item in result.items:
        writer.writerow([item.display[column] for column in result.columns])
    return out.getvalue()


def attachment(kind: str, result: SubscriptionSearch | TransactionSearch) -> dict[str, str]:
    """Headers that make the browser save the export, e.g. subscriptions_121517209330.csv."""
    return {"Content-Disposition": f'attachment; filename="{kind}_{result.indihome}.csv"'}
