// The package ships no types: this is the shape its README documents (prom2json's), values as strings.
declare module "parse-prometheus-text-format" {
  export type TPrometheusMetric = {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  };
  export type TPrometheusFamily = {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
    metrics: TPrometheusMetric[];
  };
  export default function parsePrometheusTextFormat(text: string): TPrometheusFamily[];
}
