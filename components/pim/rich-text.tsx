import type { ReactNode } from "react";
import type { TPimBlock, TPimInline } from "@/lib/pim/types";

function Inline({ node }: { node: TPimInline }): ReactNode {
  if (node.type === "link") {
    return (
      <a href={node.url} className="text-brand-600 hover:underline" rel="noopener noreferrer">
        {node.children.map((child, index) => (
          <Inline key={index} node={child} />
        ))}
      </a>
    );
  }
  let text: ReactNode = node.text;
  if (node.code) text = <code className="rounded bg-slate-100 px-1">{text}</code>;
  if (node.bold) text = <strong>{text}</strong>;
  if (node.italic) text = <em>{text}</em>;
  if (node.underline) text = <u>{text}</u>;
  if (node.strikethrough) text = <s>{text}</s>;

  return text;
}

const inlines = (nodes: TPimInline[]) => nodes.map((node, index) => <Inline key={index} node={node} />);

/** A product description written in Strapi's blocks editor (paragraphs, headings, lists, quotes). */
export function RichText({ blocks }: { blocks: TPimBlock[] }) {
  return (
    <div className="space-y-3 leading-relaxed text-slate-700" data-testid="product-description">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "heading":
            return (
              <h3 key={index} className="pt-2 text-lg font-semibold text-slate-900">
                {inlines(block.children)}
              </h3>
            );
          case "quote":
            return (
              <blockquote key={index} className="border-l-4 border-slate-200 pl-4 italic">
                {inlines(block.children)}
              </blockquote>
            );
          case "list": {
            const List = block.format === "ordered" ? "ol" : "ul";

            return (
              <List key={index} className={block.format === "ordered" ? "list-decimal pl-5" : "list-disc pl-5"}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{inlines(item)}</li>
                ))}
              </List>
            );
          }
          default:
            return <p key={index}>{inlines(block.children)}</p>;
        }
      })}
    </div>
  );
}
