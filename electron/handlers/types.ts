import type { MethodName, MethodResult, ParsedInput } from '../../core/api/contract.ts';
import type { HandlerContext } from '../context.ts';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** Every method of the contract has exactly one handler; the type checker enforces it. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** One area's handlers: a subset of the map, checked against the contract. */
export type AreaHandlers<K extends MethodName> = { [M in K]: Handler<M> };
