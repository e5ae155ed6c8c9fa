import type { RouteObject } from 'react-router';

/** Admin pages (form and flow builders), children of the app layout under /admin. Owned by the admin builders. */
export const adminRoutes: RouteObject[] = [];

/** Admin menu entries, shown in the header only to users with the `admin` role. */
export const adminMenu: { key: string; label: string; path: string }[] = [];
