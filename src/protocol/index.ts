// The classroom protocol's public surface (see messages.ts).
export * from './messages';
