/**
 * An order number, SKU or tracking code: always left to right, isolated from the sentence around it
 * (FR261121-7K3Q9X must not turn into 7K3Q9X-FR261121 in Arabic), and never machine-translated.
 */
export function Code({ children, className, testId }: { children: string | number; className?: string; testId?: string }) {
  return (
    <bdi dir="ltr" translate="no" className={className ? `code ${className}` : 'code'} data-code="" data-testid={testId}>
      {children}
    </bdi>
  );
}
