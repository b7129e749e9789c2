export type { TemplateDiagnostic, TemplatePosition } from '@nianbao/template-language';
export { formatTemplateDiagnostics } from '@nianbao/template-language';
