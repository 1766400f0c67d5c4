import { runDirection } from '@/lib/i18n/bidi';

/**
 * A formatted amount as one isolated run: in an Arabic page "CN¥10.00" stays "CN¥10.00" (not
 * "¥CN") and "(CN¥10.00)" keeps its brackets around it; an Arabic-script amount runs right to left.
 * No hooks: renders in server and client components alike.
 */
export function Money({ children, className, testId }: { children: string; className?: string; testId?: string }) {
  return (
    // testId only when given: an undefined prop still costs bytes in the RSC payload of every card.
    <bdi dir={runDirection(children)} className={className ? `money ${className}` : 'money'} data-money="" {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </bdi>
  );
}
