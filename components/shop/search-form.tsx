type Props = { locale: string; label: string; placeholder: string; button: string; defaultValue?: string; id?: string };

/** A plain GET form: search works without JavaScript and results have shareable URLs. */
export function SearchForm({ locale, label, placeholder, button, defaultValue, id = 'site-search' }: Props) {
  return (
    <form className="search-form" role="search" action={`/${locale}/search`} method="get">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} name="q" type="search" placeholder={placeholder} defaultValue={defaultValue} maxLength={200} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{button}</button>
    </form>
  );
}
