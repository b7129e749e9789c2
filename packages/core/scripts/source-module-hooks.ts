/**
 * Lets Node 24 run the TypeScript sources of the workspace directly (it strips types natively):
 * resolves workspace packages through their `@nianbao/source` export condition and maps the `.js`
 * specifiers of relative imports to the `.ts` files beside them.
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const conditions = [...(context.conditions ?? []), '@nianbao/source'];
    if ((specifier.startsWith('.') || specifier.startsWith('file:')) && specifier.endsWith('.js') && context.parentURL) {
      const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(candidate))) {
        return nextResolve(candidate.href, { ...context, conditions });
      }
    }
    return nextResolve(specifier, { ...context, conditions });
  },
});
