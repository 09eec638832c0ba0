// `npm run bench -- patterns`, the name issue 3 uses: the same benchmark as `npm run bench -- pattern`.
export { default } from './pattern.ts';
