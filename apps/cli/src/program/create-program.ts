import { Command, Option } from 'commander';
import { outputFormats } from '../format/formatter.js';
import type { CliIo } from './cli-io.js';
import { cliVersion } from './cli-version.js';

/** Sets the exit code of a command once it has run. */
export type ExitCodeSink = (code: number) => void;

/**
 * The `nianbao` command line: validate, audit, extract, templates, check-template, new. Each action loads its
 * command module on demand, so `nianbao templates` does not pay for the validator and no command pays
 * for the template compiler unless it compiles a template.
 */
export function createProgram(io: CliIo, setExitCode: ExitCodeSink): Command {
  const program = new Command('nianbao')
    .description('检查政府信息公开工作年度报告 / check government-information-disclosure annual reports')
    .version(cliVersion(), '-v, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    });
  const locale = () => new Option('--locale <locale>', '消息语言 / message language: zh-CN | en (默认 zh-CN，或 NIANBAO_LOCALE)');
  // Templates added to detection, the same way for every command (see @nianbao/core/project).
  const templates = () =>
    new Option('--templates <file|dir>', '加入自动识别的模板（可重复）/ add templates to detection (repeatable)').argParser(
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    );
  const noConfig = () => new Option('--no-config', '不查找项目配置 nianbao.config.json / do not look up nianbao.config.json');
  const noCache = () =>
    new Option('--no-cache', '不使用已编译模板的缓存（或 NIANBAO_CACHE=0）/ compile templates afresh, without the cache (or NIANBAO_CACHE=0)');

  program
    .command('validate')
    .description('检查报告 / check reports (.txt .md .html .htm .docx; directories; globs; - for stdin)')
    .argument('<inputs...>', '文件、目录、通配符或 - / files, directories, globs or -')
    .addOption(new Option('-t, --template <template>', 'auto | 模板 id / template id | file.nbt').default('auto'))
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(outputFormats).default('pretty'))
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .option('-q, --quiet', '只报告错误 / report errors only')
    .option('--max-warnings <n>', '警告超过 n 个时退出码为 1 / exit 1 when there are more than n warnings')
    .option('-j, --jobs <n>', '工作线程数 / worker threads (default: by files and cores)')
    .option('--fix', '就地应用安全的修复（仅 .txt .md）/ apply safe fixes in place (.txt .md only)')
    .option('--time-limit <seconds>', '每份报告的检查时限（默认 60 秒）/ time limit of each report\'s check (default 60 s)')
    .option('--stdin-filename <name>', '标准输入的文件名（决定格式）/ file name for stdin (tells the format)')
    .option('--no-progress', '不显示进度条 / no progress bar')
    .option('--color', '强制彩色输出 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (inputs: string[], options) => {
      const { validateCommand } = await import('../commands/validate-command.js');
      setExitCode(await validateCommand(inputs, options, io));
    });

  program
    .command('audit')
    .description('审计一个地区的报告：跨年度核对、照搬正文、汇总 / audit a region: cross-year checks, copied text, summary')
    .argument('<inputs...>', '文件、目录或通配符 / files, directories or globs')
    .addOption(new Option('-t, --template <template>', 'auto | 模板 id / template id | file.nbt').default('auto'))
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json', 'sarif']).default('pretty'))
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .option('--html <file>', '写出 HTML 审计摘要 / write the HTML summary to a file')
    .addOption(
      new Option(
        '--html-pages <layout>',
        'HTML 版式：single 单个文件，split 摘要加各机关页面的文件夹，auto 超过 200 份报告时 split / layout: single file, split (summary + folder of agency pages), auto (split above 200 reports)',
      )
        .choices(['auto', 'single', 'split'])
        .default('auto'),
    )
    .option('--baseline <file>', '基线文件：不报告其中已确认的问题 / baseline file: leave out acknowledged findings')
    .option('--update-baseline', '把本次的全部问题写入基线文件 / write every finding of this run to the baseline file')
    .option('-j, --jobs <n>', '工作线程数 / worker threads (default: by files and cores)')
    .option('--time-limit <seconds>', '每份报告的检查时限（默认 60 秒）/ time limit of each report\'s check (default 60 s)')
    .option('--no-progress', '不显示进度条 / no progress bar')
    .option('--color', '强制彩色输出 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (inputs: string[], options) => {
      const { auditCommand } = await import('../commands/audit-command.js');
      setExitCode(await auditCommand(inputs, options, io));
    });

  program
    .command('extract')
    .description('导出表格数据 / extract the tables: cell ids, labels, values')
    .argument('<input>', '报告文件或 - / a report file or -')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['json', 'csv']).default('json'))
    .addOption(new Option('-t, --template <template>', 'auto | 模板 id / template id | file.nbt').default('auto'))
    .option('--stdin-filename <name>', '标准输入的文件名（决定格式）/ file name for stdin (tells the format)')
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .action(async (input: string, options) => {
      const { extractCommand } = await import('../commands/extract-command.js');
      setExitCode(await extractCommand(input, options, io));
    });

  program
    .command('templates')
    .description('列出内置模板 / list the built-in templates')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .action(async (options) => {
      // The built-in templates alone are listed from their summaries; templates a project adds are compiled.
      const { listBuiltinTemplates } = await import('../commands/template-list.js');
      const listed = await listBuiltinTemplates(options, io);
      if (listed !== undefined) return setExitCode(listed);
      const { templatesCommand } = await import('../commands/templates-command.js');
      setExitCode(await templatesCommand(options, io));
    });

  program
    .command('check-template')
    .description('检查模板文件 / check a template file (.nbt)')
    .argument('<file>', '模板文件 / template file')
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .action(async (file: string, options) => {
      const { checkTemplateCommand } = await import('../commands/check-template-command.js');
      setExitCode(await checkTemplateCommand(file, options, io));
    });

  program
    .command('new')
    .description('生成报告框架（Markdown）/ print a Markdown skeleton report')
    .requiredOption('-t, --template <template>', '模板 id 或 .nbt 文件 / template id or .nbt file')
    .option('-y, --year <year>', '报告年度 / report year')
    .option('-a, --agency <name>', '机关名称 / agency name')
    .addOption(locale())
    .addOption(templates())
    .addOption(noConfig())
    .addOption(noCache())
    .action(async (options) => {
      const { newCommand } = await import('../commands/new-command.js');
      setExitCode(await newCommand(options, io));
    });

  return program;
}
