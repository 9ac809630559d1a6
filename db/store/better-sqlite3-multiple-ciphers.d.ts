// better-sqlite3-multiple-ciphers 13 lists "exports" without a "types" condition, so TypeScript's
// "bundler" resolution does not find the package's own index.d.ts. This points it there.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from '../../node_modules/better-sqlite3-multiple-ciphers/index'
  export = Database
}
