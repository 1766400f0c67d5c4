/** One step of a breadcrumb trail: drawn by the storefront and described to search engines as a BreadcrumbList. */
export type Crumb = { name: string; href: string };
