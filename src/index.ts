// The package entry point: Tocsin's public library API.
export * from './pattern/index.ts';
