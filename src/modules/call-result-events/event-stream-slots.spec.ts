import { EventStreamSlots, EventStreamsFullError, TooManyEventStreamsError } from './event-stream-slots';

describe('EventStreamSlots', () => {
  it('bounds streams per principal (429) and per replica (503), and gives a slot back once', () => {
    const seen: number[] = [];
    const slots = new EventStreamSlots(3, 2, (open) => seen.push(open));
    const a1 = slots.take('a');
    slots.take('a');
    expect(() => slots.take('a')).toThrow(TooManyEventStreamsError);
    slots.take('b');
    expect(() => slots.take('c')).toThrow(EventStreamsFullError);
    a1();
    a1();
    expect(slots.open).toBe(2);
    slots.take('c');
    expect(seen).toEqual([1, 2, 3, 2, 3]);
  });
});
