// Schemas of the PO backlog (stories, evidence, priority, exports, webhooks).
// Filled by the "PO backlog" work.
export {};
