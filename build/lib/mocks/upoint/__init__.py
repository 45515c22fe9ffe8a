"""UPoint OTT dashboard: login, Addon Softbundling > Subscriptions / Transactions Data, export."""
