export * from './catalog';
export * from './fx';
export * from './accounts';
export * from './carts';
export * from './orders';
export * from './payments';
export * from './partners';
