/**
 * The one shape of a façade's resources: a class holding the client's shared context (`ctx`).
 * A client composes its resources in one of two ways, both from here:
 * - nested (`client.devices.get(id)`): a property per resource, `new DevicesResource(ctx)`;
 * - flat (`client.getDevices()`): the client extends `Resource` too, declares
 *   `interface Client extends DevicesResource, … {}` and calls {@link composeResources}, which
 *   puts the resources' methods on the client's prototype. Signatures and docs stay written once,
 *   on the resource.
 */
export abstract class Resource<Ctx> {
  /** The state every resource of one client shares (kit, vendor state). */
  protected readonly ctx: Ctx;

  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }
}

/** A resource class, as {@link composeResources} takes it. */
export type ResourceClass = abstract new (ctx: never) => Resource<unknown>;

/**
 * Puts every method of `resources` (their own and inherited ones, up to `Resource`) on the
 * prototype of the flat client `target`, so `client.method()` runs with the client as `this`.
 * A method name two resources (or the client itself) define is a programming error, refused when
 * the module loads rather than silently shadowed.
 */
export function composeResources(target: ResourceClass, resources: readonly ResourceClass[]): void {
  const owners = new Map<string, string>();
  for (const name of Object.getOwnPropertyNames(target.prototype)) owners.set(name, target.name);
  for (const resource of resources) {
    for (const [name, descriptor] of resourceMethods(resource)) {
      const owner = owners.get(name);
      if (owner !== undefined) throw new TypeError(`${resource.name}.${name} collides with ${owner}.${name}`);
      owners.set(name, resource.name);
      Object.defineProperty(target.prototype, name, descriptor);
    }
  }
}

/** Own and inherited methods of a resource class below `Resource`, the nearest definition first. */
function resourceMethods(resource: ResourceClass): Map<string, PropertyDescriptor> {
  const methods = new Map<string, PropertyDescriptor>();
  for (let proto = resource.prototype; proto && proto !== Resource.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || methods.has(name)) continue;
      methods.set(name, Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor);
    }
  }
  return methods;
}
