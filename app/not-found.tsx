import Link from 'next/link';

// Paths outside any locale (rare: the proxy adds one) still answer with a real 404 page.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <title>Page not found | Ferry</title>
        <main id="main" className="container not-found">
          <h1>Page not found</h1>
          <p>
            <Link href="/">Ferry home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
