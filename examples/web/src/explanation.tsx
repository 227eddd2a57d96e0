import type { RuleExplanation } from '@attune/core';
import { useFormatMessage } from '@attune/react/text';
import { useApp, usePartners, useText } from './app-context.js';
import { useAppText } from './app-text.js';

function Condition({ node }: { node: RuleExplanation }) {
  const format = useFormatMessage();
  const t = useText();
  const words = useAppText();
  const { me } = usePartners();
  const { names } = useApp();
  return (
    <li className={node.holds ? 'holds' : 'pending'}>
      <span className="mark" aria-hidden="true">
        {node.holds ? '✓' : '○'}
      </span>{' '}
      <span className="visually-hidden">
        {words.t(node.holds ? 'explain.holds' : 'explain.pending')}
      </span>
      {format(node)}
      {node.partners && (
        <ul className="who">
          {Object.entries(node.partners).map(([partner, progress]) => {
            const own = partner === me.id;
            const key = `explain.progress.${own ? 'you' : 'partner'}-${progress.holds ? 'done' : 'not-yet'}`;
            return (
              <li key={partner}>
                {t(key, { partner: names[partner] ?? partner })}
                {progress.needed > 1 &&
                  ` (${t('explain.progress.count', { done: progress.done, needed: progress.needed })})`}
              </li>
            );
          })}
        </ul>
      )}
      {node.children && (
        <ul>
          {node.children
            // The content has one neutral phrase for this condition, "Some exercises are resting
            // for now", which reads wrong beside a tick; once it holds, there is nothing to say.
            .filter((child) => !(child.kind === 'safety-clear' && child.holds))
            .map((child) => (
              <Condition key={child.key + JSON.stringify(child.params)} node={child} />
            ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Why a step is open, locked or done, as the engine explains it: each condition with whether it holds
 * and, where it counts each partner, how far each one is.
 */
export function Explanation({ rule }: { rule: RuleExplanation }) {
  return (
    <ul className="explanation">
      <Condition node={rule} />
    </ul>
  );
}
