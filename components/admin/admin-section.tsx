// A titled section of an admin page. The heading names the section for screen readers
// (aria-labelledby); `hideTitle` keeps that name without showing a heading.
export function AdminSection({
  id,
  title,
  hideTitle = false,
  children,
}: React.PropsWithChildren<{ id: string; title: string; hideTitle?: boolean }>) {
  return (
    <section aria-labelledby={id} className={hideTitle ? undefined : "space-y-3"}>
      <h2 id={id} className={hideTitle ? "sr-only" : "text-lg font-semibold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
