/**
 * The query and variables the explorer opens with (GraphiQL, or Apollo Sandbox with EXPLORER=sandbox): the whole
 * Legal Secretaries framework, the same text as the README's first sample (tests/explorer.test.ts checks that they
 * stay the same).
 */
export const LANDING_PAGE_QUERY = `query LegalSecretaries($code: String!) {
  occupation(code: $code) {
    id code title socCode
    jobZone { id zone name }
    framework {
      id version context
      levels { id key name band statements { id title text } }
      aiUsage { id key statements { id title text citations { id label locator source { id name version license url } } } }
      evidence {
        id
        aei { id taskObservations augmentSharePercent timeSavedPercent aiAutonomy }
        safi { id topSkill score scoreMax quadrant quadrantLabel precision }
        wef { id name }
      }
      durableSkills {
        id name publishedStatementCount listedStatementCount
        levels { id key name statements { id title text citations { id label source { id } } } }
      }
      anchors { id publishedCount relatedTitles cipCodes skills knowledge abilities workStyles technology tasks }
      sources { id name publisher version license url }
      dataQualityWarnings { id path message }
    }
    skills { id release items { id element { id name } importance level } }
    abilities { id items { id element { id name } } unavailableReason }
    tasks(first: 5) { totalCount edges { node { id statement type } } }
    relatedOccupations { id tier occupation { id code title } }
  }
}
`;

export const LANDING_PAGE_VARIABLES = { code: '43-6012.00' };
