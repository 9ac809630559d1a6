// The people indexes' child process under plain Node: TypeScript through tsx, as the tests run it.
import { register } from 'tsx/esm/api'

register()
await import('../../db/search/worker.ts')
