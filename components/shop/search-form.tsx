type Props = {
  locale: string;
  label: string;
  placeholder: string;
  button: string;
  defaultValue?: string;
  id?: string;
  /** Only the header's form is the page's search landmark; a second, same-named one confuses screen-reader landmark lists. */
  isLandmark?: boolean;
};

/** A plain GET form: search works without JavaScript and results have shareable URLs. */
export function SearchForm({ locale, label, placeholder, button, defaultValue, id = 'site-search', isLandmark = true }: Props) {
  return (
    <form className="search-form" role={isLandmark ? 'search' : undefined} action={`/${locale}/search`} method="get">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {/* Room for a pasted marketplace link with its tracking parameters (search words are cut at 200 on the server). */}
      <input id={id} name="q" type="search" placeholder={placeholder} defaultValue={defaultValue} maxLength={2000} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{button}</button>
    </form>
  );
}
