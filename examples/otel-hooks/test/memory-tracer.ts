import type {
  AttributeValue,
  Attributes,
  Span,
  SpanContext,
  SpanOptions,
  SpanStatus,
  TimeInput,
  Tracer,
} from '@opentelemetry/api';

/** What a test sees of one finished span. */
export interface RecordedSpan {
  name: string;
  options: SpanOptions;
  attributes: Attributes;
  events: Array<{ name: string; attributes?: Attributes | undefined }>;
  status?: SpanStatus;
  endTime?: TimeInput | undefined;
}

const CONTEXT: SpanContext = { traceId: `${'0'.repeat(31)}1`, spanId: `${'0'.repeat(15)}1`, traceFlags: 1 };

/** A span that records what is done to it and hands itself to `finished` when it ends. */
class RecordingSpan implements Span {
  readonly recorded: RecordedSpan;
  constructor(
    name: string,
    options: SpanOptions,
    private readonly finished: (span: RecordedSpan) => void,
  ) {
    this.recorded = { name, options, attributes: { ...options.attributes }, events: [] };
  }
  spanContext(): SpanContext {
    return CONTEXT;
  }
  setAttribute(key: string, value: AttributeValue): this {
    this.recorded.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Attributes): this {
    Object.assign(this.recorded.attributes, attributes);
    return this;
  }
  addEvent(name: string, attributes?: unknown): this {
    this.recorded.events.push({ name, attributes: attributes as Attributes | undefined });
    return this;
  }
  addLink(): this {
    return this;
  }
  addLinks(): this {
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.recorded.status = status;
    return this;
  }
  updateName(name: string): this {
    this.recorded.name = name;
    return this;
  }
  end(endTime?: TimeInput): void {
    this.recorded.endTime = endTime;
    this.finished(this.recorded);
  }
  isRecording(): boolean {
    return true;
  }
  recordException(): void {}
}

/** A Tracer that keeps its finished spans in memory (no SDK package: the API's interfaces only). */
export function memoryTracer(): Tracer & { spans: RecordedSpan[] } {
  const spans: RecordedSpan[] = [];
  return {
    spans,
    startSpan: (name: string, options: SpanOptions = {}) => new RecordingSpan(name, options, (s) => spans.push(s)),
    startActiveSpan: (() => {
      throw new Error('not used by the hooks');
    }) as Tracer['startActiveSpan'],
  };
}
