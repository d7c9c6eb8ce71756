// Type-only entry for the widget and dashboard: importing this pulls no zod into a bundle.
export type * from './index.ts';
