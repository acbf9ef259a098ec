import type {
  JSONValue,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3Message,
  LanguageModelV3Middleware,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider';
import { createTokenizer, createValueRedactor, restoreValue, type RedactorOptions, type RedactResult, type RestoreStream, type Vault } from '../index.js';

/**
 * Vercel AI SDK integration (`piiveil/ai-sdk`): a language-model middleware for
 * `wrapLanguageModel` (ai 6, `LanguageModelV3Middleware` of @ai-sdk/provider 3). The model sees
 * tokens (`[EMAIL_1]`); your code and your user see the original values.
 */

/** Options of `redactionMiddleware`: a vault, and `createTokenizer` options or a redactor. */
export interface RedactionMiddlewareOptions extends RedactorOptions {
  /** The vault of this conversation (one per conversation or request, owned by you). Required. */
  readonly vault: Vault;
  /**
   * Redacts prompt text. Default: `createTokenizer(vault, options)`: reversible tokens, with
   * token-like text typed by users guarded. Pass your own only if `vault.restore` reverses it.
   */
  readonly redactor?: { redact(text: string): RedactResult };
}

/**
 * A middleware that tokenizes personal data in the prompt and restores it in the answer.
 *
 * - Prompt (`transformParams`): system text; user, assistant and reasoning text parts; tool-call
 *   inputs and tool results (text, JSON, content parts; every string at any depth) of earlier
 *   steps; tool-approval reasons. Files and images are passed as they are. Earlier answers hold
 *   the restored originals and get the same tokens again, since the vault keeps them.
 * - `generateText` (`wrapGenerate`): text, reasoning, tool-call inputs (JSON text, restored with
 *   escaping so it stays valid JSON) and provider-executed tool results are restored.
 * - `streamText` (`wrapStream`): text, reasoning and tool-input deltas go through one
 *   `vault.restoreStream()` per part id (JSON-escaping for tool inputs), so a token split across
 *   deltas is restored exactly; a delta is held only while it may end in a partial token. The
 *   held rest is emitted before the part's end (or before `finish`). Complete tool calls and
 *   tool results are restored whole.
 * If tokenizing fails (a detector threw, the vault is full), that text becomes `[REDACTED]`
 * (the redactor's `fallbackText`): the model never sees the original.
 *
 * @example
 * import { streamText, wrapLanguageModel } from 'ai'
 * import { createVault } from 'piiveil'
 * import { redactionMiddleware } from 'piiveil/ai-sdk'
 * const vault = createVault() // one per conversation
 * const model = wrapLanguageModel({ model: openai('gpt-4o'), middleware: redactionMiddleware({ vault }) })
 * const result = streamText({ model, prompt: 'Write to jane@corp.com' }) // the model sees [EMAIL_1]
 * for await (const text of result.textStream) process.stdout.write(text) // the user sees jane@corp.com
 */
export function redactionMiddleware(options: RedactionMiddlewareOptions): LanguageModelV3Middleware {
  if (options === null || typeof options !== 'object') throw new TypeError('redactionMiddleware: pass { vault } with a vault made by createVault()');
  const { vault, redactor: given, ...redactorOptions } = options;
  if (vault === null || typeof vault !== 'object' || typeof vault.restoreStream !== 'function') throw new TypeError('redactionMiddleware: options.vault must be a vault made by createVault()');
  const redactor = given ?? createTokenizer(vault, redactorOptions);
  const values = createValueRedactor({ redactor });
  const text = (value: string): string => (value.length === 0 ? value : redactor.redact(value).text);
  const deep = <T>(value: T): T => values.redact(value).value;

  const output = (result: LanguageModelV3ToolResultOutput): LanguageModelV3ToolResultOutput => {
    switch (result.type) {
      case 'text':
      case 'error-text':
        return { ...result, value: text(result.value) };
      case 'json':
      case 'error-json':
        return { ...result, value: deep(result.value) };
      case 'execution-denied':
        return result.reason === undefined ? result : { ...result, reason: text(result.reason) };
      case 'content':
        return { ...result, value: result.value.map((item) => (item.type === 'text' ? { ...item, text: text(item.text) } : item)) };
      default:
        return result;
    }
  };

  const message = (entry: LanguageModelV3Message): LanguageModelV3Message => {
    switch (entry.role) {
      case 'system':
        return { ...entry, content: text(entry.content) };
      case 'user':
        return { ...entry, content: entry.content.map((part) => (part.type === 'text' ? { ...part, text: text(part.text) } : part)) };
      case 'assistant':
        return {
          ...entry,
          content: entry.content.map((part) => {
            if (part.type === 'text' || part.type === 'reasoning') return { ...part, text: text(part.text) };
            if (part.type === 'tool-call') return { ...part, input: typeof part.input === 'string' ? redactJsonText(part.input, text, deep) : deep(part.input) };
            if (part.type === 'tool-result') return { ...part, output: output(part.output) };
            return part;
          }),
        };
      case 'tool':
        return {
          ...entry,
          content: entry.content.map((part) => {
            if (part.type === 'tool-result') return { ...part, output: output(part.output) };
            return part.reason === undefined ? part : { ...part, reason: text(part.reason) };
          }),
        };
      default:
        return entry;
    }
  };

  const restoreContent = (part: LanguageModelV3Content): LanguageModelV3Content => {
    switch (part.type) {
      case 'text':
      case 'reasoning':
        return { ...part, text: vault.restore(part.text) };
      case 'tool-call':
        return { ...part, input: restoreValue(part.input, vault) };
      case 'tool-result':
        return { ...part, result: restoreValue(part.result, vault) as NonNullable<JSONValue> };
      default:
        return part;
    }
  };

  return {
    specificationVersion: 'v3',
    transformParams: async ({ params }): Promise<LanguageModelV3CallOptions> => ({ ...params, prompt: params.prompt.map(message) }),
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      return { ...result, content: result.content.map(restoreContent) };
    },
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      return { ...rest, stream: stream.pipeThrough(restoringStream(vault)) };
    },
  };
}

type DeltaKind = 'text' | 'reasoning' | 'tool-input';
const DELTA_OF: Readonly<Record<string, DeltaKind>> = { 'text-delta': 'text', 'reasoning-delta': 'reasoning', 'tool-input-delta': 'tool-input' };
const END_OF: Readonly<Record<string, DeltaKind>> = { 'text-end': 'text', 'reasoning-end': 'reasoning', 'tool-input-end': 'tool-input' };

/** Restores the parts of a model stream: deltas through one restoring stream per part id. */
function restoringStream(vault: Vault): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
  const open = new Map<string, { readonly kind: DeltaKind; readonly id: string; readonly restorer: RestoreStream }>();
  const restorerOf = (kind: DeltaKind, id: string, json: boolean) => {
    const key = `${kind}\u0000${id}`;
    let entry = open.get(key);
    if (entry === undefined) open.set(key, (entry = { kind, id, restorer: vault.restoreStream({ json }) }));
    return entry;
  };
  const delta = (kind: DeltaKind, id: string, value: string): LanguageModelV3StreamPart =>
    kind === 'text' ? { type: 'text-delta', id, delta: value } : kind === 'reasoning' ? { type: 'reasoning-delta', id, delta: value } : { type: 'tool-input-delta', id, delta: value };
  const flushAll = (controller: TransformStreamDefaultController<LanguageModelV3StreamPart>): void => {
    for (const { kind, id, restorer } of open.values()) {
      const rest = restorer.end();
      if (rest.length > 0) controller.enqueue(delta(kind, id, rest));
    }
    open.clear();
  };
  /** Tool inputs are JSON text unless the provider says otherwise. */
  const jsonInputs = new Set<string>();

  return new TransformStream({
    transform(part, controller) {
      if (part.type === 'tool-input-start' && part.inputEncoding !== 'text') jsonInputs.add(part.id);
      const deltaKind = DELTA_OF[part.type];
      if (deltaKind !== undefined) {
        const { id, delta: value } = part as { id: string; delta: string };
        const restored = restorerOf(deltaKind, id, deltaKind === 'tool-input' && jsonInputs.has(id)).restorer.push(value);
        if (restored.length > 0) controller.enqueue({ ...part, delta: restored } as LanguageModelV3StreamPart);
        return;
      }
      const endKind = END_OF[part.type];
      if (endKind !== undefined) {
        const { id } = part as { id: string };
        const key = `${endKind}\u0000${id}`;
        const entry = open.get(key);
        if (entry !== undefined) {
          open.delete(key);
          const rest = entry.restorer.end();
          if (rest.length > 0) controller.enqueue(delta(endKind, id, rest));
        }
        if (endKind === 'tool-input') jsonInputs.delete(id);
        controller.enqueue(part);
        return;
      }
      if (part.type === 'tool-call') return controller.enqueue({ ...part, input: restoreValue(part.input, vault) });
      if (part.type === 'tool-result') return controller.enqueue({ ...part, result: restoreValue(part.result, vault) as NonNullable<JSONValue> });
      if (part.type === 'finish') flushAll(controller);
      controller.enqueue(part);
    },
    flush: flushAll,
  });
}

/** Tool-call input given as JSON text: redact its strings and keep it JSON; plain text otherwise. */
function redactJsonText(input: string, text: (value: string) => string, deep: <T>(value: T) => T): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return text(input);
  }
  return JSON.stringify(deep(parsed));
}
