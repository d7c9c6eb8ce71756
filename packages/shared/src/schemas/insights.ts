// Schemas of PM insights and triage (NPS statistics, theme drivers, statuses, initiatives).
// Filled by the "PM insights" work.
export {};
