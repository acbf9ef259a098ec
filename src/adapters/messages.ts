import { createTokenizer, createValueRedactor, createVault, restoreValue, type PathSegment, type RedactorOptions, type RedactResult, type ValueFinding, type Vault } from '../index.js';

/**
 * Chat message arrays (`piiveil/messages`, no framework): tokenize the messages you send to the
 * OpenAI or Anthropic APIs, restore what comes back. A subpath rather than the core because it
 * knows two vendors' wire shapes, which change on their schedule, not the core's.
 */

/** A chat message of either shape; only the fields below are read, the rest is copied. */
export interface ChatMessage {
  readonly role: string;
  readonly content?: unknown;
  readonly [key: string]: unknown;
}

/** Options of `redactMessages`: `createTokenizer` options, a vault, or your own redactor. */
export interface RedactMessagesOptions extends RedactorOptions {
  /** Vault to tokenize into; pass the conversation's vault to keep tokens stable across calls. Default: a new one. */
  readonly vault?: Vault;
  /** Redacts each text. Default: `createTokenizer(vault, options)`. */
  readonly redactor?: { redact(text: string): RedactResult };
}

/** What `redactMessages` returns. */
export interface RedactMessagesResult<T> {
  /** New messages; the input array and its messages are not changed. */
  readonly messages: T[];
  /** The vault holding the originals: `restoreMessages(answer, vault)` or `vault.restore(text)`. */
  readonly vault: Vault;
  /** Findings with paths into the messages (`[0, 'content', 1, 'text']`), no values. */
  readonly findings: readonly ValueFinding[];
}

const TEXT_FIELD: Readonly<Record<string, string>> = { text: 'text', input_text: 'text', output_text: 'text', refusal: 'refusal' };

/**
 * Tokenizes the personal data in chat messages, in the shapes of both APIs:
 * - OpenAI Chat Completions: `content` as a string or parts (`text`; Responses API `input_text`,
 *   `output_text`, `refusal`), assistant `refusal`, `tool_calls[].function.arguments` and the
 *   legacy `function_call.arguments` (JSON text: every string in it, and it stays JSON);
 * - Anthropic Messages: `content` as a string or blocks: `text`, `tool_use.input` (every string
 *   at any depth), `tool_result.content` (a string or blocks, recursively).
 * Images, files, audio and `thinking` blocks (signed by the provider: changing them makes the
 * request fail) are passed as they are, as are names and ids. Anthropic's `system` is not a
 * message: tokenize it with `createTokenizer(vault).redact(system)` on the same vault.
 *
 * @example
 * import { redactMessages, restoreMessages } from 'piiveil/messages'
 * const { messages, vault } = redactMessages([{ role: 'user', content: 'Mail jane@corp.com' }])
 * // messages: [{ role: 'user', content: 'Mail [EMAIL_1]' }]
 * const answer = { role: 'assistant', content: 'Sent to [EMAIL_1].' } // from the model
 * restoreMessages([answer], vault) // [{ role: 'assistant', content: 'Sent to jane@corp.com.' }]
 */
export function redactMessages<T extends ChatMessage>(messages: readonly T[], options: RedactMessagesOptions = {}): RedactMessagesResult<T> {
  if (!Array.isArray(messages)) throw new TypeError('redactMessages: messages must be an array of { role, content } objects');
  if (options === null || typeof options !== 'object') throw new TypeError('redactMessages: options must be an object (or omitted)');
  const { vault: given, redactor: custom, ...redactorOptions } = options;
  const vault = given ?? createVault();
  const redactor = custom ?? createTokenizer(vault, redactorOptions);
  const values = createValueRedactor({ redactor });
  const findings: ValueFinding[] = [];

  const text = (value: unknown, path: readonly PathSegment[]): unknown => {
    if (typeof value !== 'string' || value.length === 0) return value;
    const result = redactor.redact(value);
    for (const finding of result.findings) {
      const { value: _value, ...rest } = finding;
      findings.push({ ...rest, path });
    }
    return result.text;
  };
  const deep = (value: unknown, path: readonly PathSegment[]): unknown => {
    const result = values.redact(value);
    for (const finding of result.findings) findings.push({ ...finding, path: [...path, ...finding.path] });
    return result.value;
  };
  const jsonText = (value: unknown, path: readonly PathSegment[]): unknown => {
    if (typeof value !== 'string') return deep(value, path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return text(value, path);
    }
    return JSON.stringify(deep(parsed, path));
  };

  const content = (value: unknown, path: readonly PathSegment[]): unknown => {
    if (typeof value === 'string') return text(value, path);
    if (!Array.isArray(value)) return value;
    return value.map((part: unknown, index) => {
      if (part === null || typeof part !== 'object') return part;
      const block = part as Record<string, unknown>;
      const at = [...path, index];
      const field = typeof block.type === 'string' ? TEXT_FIELD[block.type] : undefined;
      if (field !== undefined) return { ...block, [field]: text(block[field], [...at, field]) };
      if (block.type === 'tool_use') return { ...block, input: deep(block.input, [...at, 'input']) };
      if (block.type === 'tool_result') return { ...block, content: content(block.content, [...at, 'content']) };
      return block;
    });
  };

  const redacted = messages.map((message, index): T => {
    if (message === null || typeof message !== 'object') throw new TypeError(`redactMessages: messages[${index}] must be an object with a role`);
    const copy: Record<string, unknown> = { ...message, content: content(message.content, [index, 'content']) };
    if (!('content' in message)) delete copy.content;
    if (typeof message.refusal === 'string') copy.refusal = text(message.refusal, [index, 'refusal']);
    if (Array.isArray(message.tool_calls)) {
      copy.tool_calls = message.tool_calls.map((call: unknown, callIndex: number) => {
        const fn = call !== null && typeof call === 'object' ? (call as { function?: Record<string, unknown> }).function : undefined;
        if (fn === undefined || fn === null || typeof fn !== 'object') return call;
        return { ...(call as object), function: { ...fn, arguments: jsonText(fn.arguments, [index, 'tool_calls', callIndex, 'function', 'arguments']) } };
      });
    }
    const legacy = message.function_call as Record<string, unknown> | undefined;
    if (legacy !== null && typeof legacy === 'object') copy.function_call = { ...legacy, arguments: jsonText(legacy.arguments, [index, 'function_call', 'arguments']) };
    return copy as T;
  });
  return { messages: redacted, vault, findings };
}

/**
 * Puts the originals back into messages (a model's answer, a redacted transcript): every string
 * at any depth, with JSON strings such as tool-call `arguments` restored so they stay valid JSON.
 * Returns new messages. Meant for showing and storing: a restored `thinking` block no longer
 * matches its signature, so do not send it back to the API.
 *
 * @example
 * restoreMessages([{ role: 'assistant', content: [{ type: 'text', text: 'Hi [EMAIL_1]' }] }], vault)
 * // [{ role: 'assistant', content: [{ type: 'text', text: 'Hi jane@corp.com' }] }]
 */
export function restoreMessages<T>(messages: readonly T[], vault: Vault): T[] {
  if (!Array.isArray(messages)) throw new TypeError('restoreMessages: messages must be an array');
  return restoreValue([...messages], vault);
}
