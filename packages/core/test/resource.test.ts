import { describe, expect, it } from "vitest";
import { Resource, composeResources } from "../src/index.js";

interface Ctx {
  readonly prefix: string;
}

class Greetings extends Resource<Ctx> {
  hello(name: string): string {
    return `${this.ctx.prefix} hello ${name}`;
  }
}

class LoudGreetings extends Greetings {
  shout(name: string): string {
    return this.hello(name).toUpperCase();
  }
}

class Farewells extends Resource<Ctx> {
  bye(name: string): string {
    return `${this.ctx.prefix} bye ${name}`;
  }
}

interface FlatClient extends LoudGreetings, Farewells {}
class FlatClient extends Resource<Ctx> {
  whoami(): string {
    return this.ctx.prefix;
  }
}
composeResources(FlatClient, [LoudGreetings, Farewells]);

describe("Resource", () => {
  it("nested: a resource holds the client's context", () => {
    const devices = new Greetings({ prefix: ">" });
    expect(devices.hello("Ada")).toBe("> hello Ada");
  });

  it("flat: composeResources puts own and inherited methods on the client, which runs them with its own context", () => {
    const client = new FlatClient({ prefix: "#" });
    expect(client.shout("Ada")).toBe("# HELLO ADA");
    expect(client.hello("Ada")).toBe("# hello Ada");
    expect(client.bye("Ada")).toBe("# bye Ada");
    expect(client.whoami()).toBe("#");
    expect(Object.keys(client)).toEqual(["ctx"]);
  });

  it("refuses a method name two resources define, or one the client defines itself", () => {
    class Other extends Resource<Ctx> {
      hello(): string {
        return "other";
      }
    }
    class Client extends Resource<Ctx> {
      bye(): string {
        return "own";
      }
    }
    expect(() => composeResources(Client, [Greetings, Other])).toThrow("Other.hello collides with Greetings.hello");
    class Client2 extends Resource<Ctx> {
      bye(): string {
        return "own";
      }
    }
    expect(() => composeResources(Client2, [Farewells])).toThrow("Farewells.bye collides with Client2.bye");
  });
});
