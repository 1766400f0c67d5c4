import { describe, expect, it } from 'vitest';
import { findTransitionIn, nextStatusesIn, tableProblems, type MachineTransition } from './table';

type Light = 'red' | 'green' | 'amber' | 'off';
const lights: readonly MachineTransition<Light>[] = [
  { from: 'red', to: 'green', event: 'light.go', permission: null },
  { from: 'green', to: 'amber', event: 'light.slow', permission: null },
  { from: 'amber', to: 'red', event: 'light.stop', permission: null },
  { from: 'red', to: 'off', event: 'light.off', permission: 'admin:access' },
];

describe('a transition table', () => {
  it('finds the move between two statuses, and only a listed one', () => {
    expect(findTransitionIn(lights, 'red', 'green')?.event).toBe('light.go');
    expect(findTransitionIn(lights, 'red', 'off')?.permission).toBe('admin:access');
    expect(findTransitionIn(lights, 'green', 'red')).toBeUndefined();
    expect(findTransitionIn(lights, 'off', 'red')).toBeUndefined();
  });

  it('lists where a status can go next', () => {
    expect(nextStatusesIn(lights, 'red')).toEqual(['green', 'off']);
    expect(nextStatusesIn(lights, 'off')).toEqual([]);
  });

  it('has no problems when every pair is listed once, moves, names an event and a known status', () => {
    expect(tableProblems(lights, ['red', 'green', 'amber', 'off'])).toEqual([]);
  });

  it('names a pair listed twice, a move to itself, an empty event and an unknown status', () => {
    const bad: MachineTransition<string>[] = [
      ...lights,
      { from: 'red', to: 'green', event: 'light.go_again', permission: null },
      { from: 'amber', to: 'amber', event: 'light.blink', permission: null },
      { from: 'green', to: 'off', event: ' ', permission: null },
      { from: 'off', to: 'blue', event: 'light.paint', permission: null },
    ];
    expect(tableProblems(bad, ['red', 'green', 'amber', 'off'])).toEqual([
      'red → green is listed twice',
      'amber → amber does not move',
      'green → off names no event',
      'off → blue: "blue" is not a status',
    ]);
  });
});
