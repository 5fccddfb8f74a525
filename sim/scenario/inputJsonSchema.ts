import { z } from "zod";

/** The parts of a JSON Schema node that GridGov's generators read (field tables, the editor form). */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  enum?: Array<string | number | boolean>;
  const?: string | number | boolean;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  required?: string[];
}

/**
 * The JSON Schema of what may be written for `schema` (the input side: fields with
 * defaults are optional), as `gridgov schema` prints it for scenarios.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
}
