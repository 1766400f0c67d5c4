/** Cart and checkout URLs (public: the proxy adds the currency segment). */
export const cartPaths = {
  cart: (locale: string) => `/${locale}/cart`,
  checkout: (locale: string) => `/${locale}/checkout`,
  /** The route files behind the public paths, for revalidatePath (it wants the rewritten path). */
  cartRoute: (locale: string, currency: string) => `/${locale}/${currency}/cart`,
  checkoutRoute: (locale: string, currency: string) => `/${locale}/${currency}/checkout`,
};
