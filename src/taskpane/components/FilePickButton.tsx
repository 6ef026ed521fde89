/**
 * A button that opens the browser's file picker (workbook files of any format read, or .json). The files are read in the pane
 * only; nothing is uploaded.
 */
import { useRef } from 'react';
import { Button } from '@fluentui/react-components';
import { useStyles } from '../styles';

export function FilePickButton(props: {
  label: string;
  accept: string;
  multiple: boolean;
  onFiles: (files: File[]) => void;
  testId: string;
  appearance?: 'primary' | 'secondary';
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const s = useStyles();
  return (
    <>
      <Button appearance={props.appearance ?? 'secondary'} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        data-testid={props.testId}
        aria-label={props.label}
        onChange={(e) => {
          const files = e.currentTarget.files ? [...e.currentTarget.files] : [];
          // Reset so that picking the same file again fires onChange again.
          e.currentTarget.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </>
  );
}
