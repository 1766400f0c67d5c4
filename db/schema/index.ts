export * from './catalog';
export * from './fx';
