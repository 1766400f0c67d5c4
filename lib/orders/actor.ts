// The actor is the audit trail's notion; orders' callers keep importing it from here.
export { systemActor, type Actor } from '@/lib/audit/actor';
