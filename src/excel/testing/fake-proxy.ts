/**
 * Base of every fake proxy object: a property is readable only after `load` and a `sync` (else
 * PropertyNotLoaded, as in Excel); loads are queued operations measured into the request size.
 */
import type { FakeContext } from './fake-context';
import type { FakeExcel } from './fake-excel';
import { bytes, FakeOfficeError } from './fake-state';

/** Base of every proxy: loaded properties readable only after load + sync. */
export abstract class FakeProxy {
  private loadedProps = new Map<string, unknown>();
  private nullObject: boolean | null = null;

  constructor(readonly ctx: FakeContext) {}

  protected get fake(): FakeExcel {
    return this.ctx.fake;
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    this.ctx.enqueue({ size: bytes({ o: 'load', p: paths }), load: () => this.fetchPaths(paths) });
    return this;
  }

  /** Load `paths` now (called at sync): set values, return the payload. */
  fetchPaths(paths: string[]): unknown {
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const i = p.indexOf('/');
      if (i < 0) own.push(p);
      else {
        const head = p.slice(0, i);
        const list = nested.get(head) ?? [];
        list.push(p.slice(i + 1));
        nested.set(head, list);
      }
    }
    this.nullObject = this.resolveNull();
    const payload: Record<string, unknown> = { isNullObject: this.nullObject };
    if (this.nullObject) return payload;
    for (const p of own) {
      const v = this.fetch(p);
      this.loadedProps.set(p, v);
      payload[p] = v;
    }
    for (const [head, rest] of nested) payload[head] = this.fetchNested(head, rest);
    return payload;
  }

  /** Navigation property `head`, loading `rest` on it. */
  protected fetchNested(head: string, rest: string[]): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake: cannot load ${head}/${rest.join(',')} on ${this.constructor.name}`);
  }

  /** Current value of a scalar property (at sync time). */
  protected abstract fetch(prop: string): unknown;

  /** Whether this proxy is a null object (for *OrNullObject); false otherwise. */
  protected resolveNull(): boolean {
    return false;
  }

  protected loaded(prop: string): unknown {
    if (!this.loadedProps.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedProps.get(prop);
  }

  protected str(prop: string): string {
    return String(this.loaded(prop));
  }

  protected num(prop: string): number {
    return Number(this.loaded(prop));
  }

  get isNullObject(): boolean {
    if (this.nullObject === null) {
      throw new FakeOfficeError('PropertyNotLoaded', `isNullObject is not available before load + sync`);
    }
    return this.nullObject;
  }

  /** Mark loaded values from a parent collection's load. */
  protected setLoaded(prop: string, v: unknown): void {
    this.loadedProps.set(prop, v);
  }
}

