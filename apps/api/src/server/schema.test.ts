import { IsPositive } from 'class-validator';
import { argumentValidation } from './schema';
import { MODULES } from './modules';

describe('argument validation by class-validator', () => {
  it('when no class of the modules declares a constraint, then arguments are not walked by class-validator', () => {
    expect(MODULES.length).toBeGreaterThan(0);
    expect(argumentValidation()).toBe(false);
  });

  it('when a class declares one, then validation is on', () => {
    class Probe {
      @IsPositive()
      n!: number;
    }
    expect(new Probe()).toBeInstanceOf(Probe);
    expect(argumentValidation()).toEqual({ forbidUnknownValues: false });
  });
});
