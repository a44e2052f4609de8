import { BusinessResultDto } from './dto/business-result.dto';

/** queryBusinessResults' (docs/isales/operations.md#queryBusinessResults) example tree, normalised (the mapper spec proves the two agree). */
export const BUSINESS_RESULT_EXAMPLES: BusinessResultDto[] = [
  {
    code: '11111',
    name: 'test111',
    children: [
      { code: '12324', name: 'sub02' },
      { code: '1232', name: 'sub01' },
    ],
  },
  { code: 'test', name: 'test0903', children: [] },
  {
    code: '15105671',
    name: 'Failed 4up',
    children: [
      { code: '754646', name: 'Call interrupted' },
      { code: 'ob-12', name: 'Multiple local officials' },
    ],
  },
];
