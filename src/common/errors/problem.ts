/** RFC 9457 problem details, as every error response of the gateway carries them. */
export interface UpstreamFault {
  code: string;
  description: string;
}

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  upstream?: UpstreamFault;
  invalidParams?: InvalidParam[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `urn:isales-gateway:problem:${slug}`;
}
