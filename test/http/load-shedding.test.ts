import { AdmissionGate } from "../../src/http/load-shedding";

describe("load shedding", () => {
  it("admits up to maxActive at once, queues up to maxQueued, sheds the rest at once", async () => {
    const gate = new AdmissionGate(2, 1, 60_000);
    const first = await gate.enter();
    const second = await gate.enter();
    expect(first && second).toBeTruthy();
    const third = gate.enter();
    // Queue full: refused without waiting.
    expect(await gate.enter()).toBeNull();
    expect(gate.queued).toBe(1);
    first!();
    const admitted = await third;
    expect(admitted).toBeTruthy();
    expect(gate.inExecution).toBe(2);
    second!();
    admitted!();
    // Releasing twice frees one slot only.
    admitted!();
    expect(gate.inExecution).toBe(0);
  });

  it("a request that waits past maxWaitMs is shed and leaves the queue", async () => {
    const gate = new AdmissionGate(1, 5, 20);
    const held = await gate.enter();
    expect(await gate.enter()).toBeNull();
    expect(gate.queued).toBe(0);
    held!();
    expect(gate.inExecution).toBe(0);
  });
});
